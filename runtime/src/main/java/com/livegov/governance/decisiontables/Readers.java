package com.livegov.governance.decisiontables;

import java.util.Set;
import java.util.function.Supplier;

import com.livegov.governance.decisions.versions.DecisionChangeRefused;
import com.livegov.governance.security.Group;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ResponseStatusException;

/** Who may read the decision-table pages (the company's staff, as for {@code GET /decisions}), and unknown models or versions. */
final class Readers {

    private static final Set<String> STAFF = Set.of(Group.ADMIN.id(), Group.HR.id(), Group.LEGAL.id(), Group.OPS.id(),
            Group.OPS_MANAGER.id(), Group.DIRECTOR.id());

    private Readers() {
    }

    /** Refuses anyone who is not staff (streamers, monitoring). */
    static void staff(Authentication login) {
        boolean staff = login != null && login.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
        if (!staff) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** What a read answers; an unknown model or version is the workbench's 404 page. */
    static <T> T found(Supplier<T> read) {
        try {
            return read.get();
        } catch (DecisionChangeRefused refused) {
            throw new ResponseStatusException(refused.status().is4xxClientError() ? refused.status() : HttpStatus.NOT_FOUND);
        }
    }
}
