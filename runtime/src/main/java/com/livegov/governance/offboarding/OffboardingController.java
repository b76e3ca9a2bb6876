package com.livegov.governance.offboarding;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The offboarding timeline of a streamer: the compliance evidence that every account went within 24 hours. */
@RestController
@RequestMapping("/offboarding")
class OffboardingController {

    private final OffboardingTimeline timeline;

    OffboardingController(OffboardingTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/{streamerId}/timeline")
    Map<String, Object> timeline(@PathVariable String streamerId) {
        List<OffboardingTimeline.Offboarding> offboardings = timeline.of(streamerId);
        if (offboardings.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No offboarding of " + streamerId);
        }
        return Map.of("streamerId", streamerId, "offboardings", offboardings);
    }
}
