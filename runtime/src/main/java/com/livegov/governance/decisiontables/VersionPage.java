package com.livegov.governance.decisiontables;

import java.time.Instant;

import com.livegov.governance.decisions.versions.DecisionChanges;
import com.livegov.governance.decisions.versions.DecisionProperties;
import com.livegov.governance.decisions.versions.DecisionVersion;
import com.livegov.governance.decisions.versions.VersionState;
import com.livegov.governance.workbench.Times;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The version page's model: the version, what the reader may do with it, its examples. */
@Component
class VersionPage {

    private final DecisionChanges changes;
    private final Times times;
    private final DecisionProperties properties;

    VersionPage(DecisionChanges changes, Times times, DecisionProperties properties) {
        this.changes = changes;
        this.times = times;
        this.properties = properties;
    }

    /** The largest {@code .dmn} an owner may upload: the owners' model limit ({@code governance.decisions.max-model-size}). */
    long maxDmnBytes() {
        return properties.maxModelSize().toBytes();
    }

    ModelAndView of(String model, int number, Authentication login, HttpStatus status) {
        DecisionVersion version = Readers.found(() -> changes.version(model, number));
        String reader = login.getName();
        boolean owner = changes.isOwner(model, login);
        boolean author = reader.equals(version.author());
        ModelAndView page = new ModelAndView("decisiontables/version", status);
        page.addObject("model", model);
        page.addObject("number", number);
        page.addObject("version", version);
        page.addObject("owner", owner);
        page.addObject("editable", version.state() == VersionState.DRAFT && author && owner);
        page.addObject("reviewable", version.state() == VersionState.SUBMITTED && owner && !author);
        page.addObject("ownSubmission", version.state() == VersionState.SUBMITTED && author);
        page.addObject("open", version.state() == VersionState.DRAFT || version.state() == VersionState.SUBMITTED);
        page.addObject("examples", Readers.found(() -> changes.examples(model, number)));
        page.addObject("inForce", changes.inForce(model, Instant.now()).map(DecisionVersion::number).orElse(null));
        page.addObject("maxDmnBytes", maxDmnBytes());
        page.addObject("maxDmnKib", maxDmnBytes() / 1024);
        page.addObject("zone", times.zone().getId());
        return page;
    }

    ModelAndView withProblem(String model, int number, Authentication login, HttpStatus status, String problemKey) {
        ModelAndView page = of(model, number, login, status);
        page.addObject("problem", problemKey);
        return page;
    }
}
