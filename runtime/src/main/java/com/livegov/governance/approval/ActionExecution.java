package com.livegov.governance.approval;

import java.util.Map;

import com.livegov.governance.accounts.AccountAction;
import com.livegov.governance.accounts.AccountActions;
import com.livegov.governance.accounts.ActionRecord;
import com.livegov.governance.accounts.ActionRequest;
import org.kie.kogito.internal.process.runtime.KogitoProcessContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The approval's service tasks that touch the account: {@code Task_VerifyRequest} checks at the start that
 * the account exists and the action can be executed with its parameters; {@code Task_ExecuteAtOnce} and
 * {@code Task_ExecuteAction} execute it. The action id is the approval's process instance and the action,
 * so the action runs once per approval: executed first and approved afterwards, it is not executed twice.
 *
 * <p>Kogito's generated handler also needs a public no-argument constructor; an instance made that way has
 * no accounts to act on and refuses to work.
 */
@Component
public class ActionExecution {

    private final AccountActions actions;

    public ActionExecution() {
        this(null);
    }

    @Autowired
    public ActionExecution(AccountActions actions) {
        this.actions = actions;
    }

    /** Refuses a request whose account or parameters cannot take the action. */
    public void verify(String action, String subject, Map<String, Object> parameters) {
        accounts().verify(AccountAction.parse(action), subject, parameters);
    }

    /** Executes the action for this approval and answers what the back office did. */
    public Map<String, Object> execute(String action, String subject, String reason, Map<String, Object> parameters,
            KogitoProcessContext context) {
        String approval = context.getProcessInstance().getStringId();
        ActionRecord record = accounts().execute(new ActionRequest(approval + ":" + action, AccountAction.parse(action), subject,
                "process:" + AccountActionApproval.PROCESS_ID, reason, approval, approval, parameters));
        return record.outcome();
    }

    private AccountActions accounts() {
        if (actions == null) {
            throw new IllegalStateException("ActionExecution was created without its AccountActions");
        }
        return actions;
    }
}
