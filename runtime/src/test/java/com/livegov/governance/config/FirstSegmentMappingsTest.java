package com.livegov.governance.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The first-segment shortcut finds exactly the handler Spring MVC would find: literal first segments, a pattern
 * that starts with a variable, a percent-encoded first segment, matrix variables; and nothing for a path no
 * mapping has, and the same 405 for a known path with another method.
 */
class FirstSegmentMappingsTest {

    @RestController
    static class Decisions {
        @PostMapping("/decisions/{name}")
        String evaluate(@PathVariable String name) {
            return name;
        }

        @GetMapping({ "/decisions", "/models" })
        String list() {
            return "list";
        }
    }

    @RestController
    static class Processes {
        @PostMapping("/{processId}")
        String start(@PathVariable String processId) {
            return processId;
        }

        @GetMapping("/usertasks/instance/{taskId}")
        String task(@PathVariable String taskId) {
            return taskId;
        }
    }

    private FirstSegmentMappings.Mapping mapping;

    @BeforeEach
    void register() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("decisions", Decisions.class);
        context.registerSingleton("processes", Processes.class);
        context.refresh();
        mapping = new FirstSegmentMappings.Mapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
    }

    @Test
    void aLiteralFirstSegmentFindsItsMapping() throws Exception {
        assertThat(handler("POST", "/decisions/CommissionSplit")).isEqualTo("evaluate");
        assertThat(handler("GET", "/usertasks/instance/42")).isEqualTo("task");
        assertThat(handler("GET", "/models")).isEqualTo("list");
        assertThat(handler("GET", "/decisions")).isEqualTo("list");
    }

    @Test
    void aPatternStartingWithAVariableIsAlwaysChecked() throws Exception {
        assertThat(handler("POST", "/streamerOffboarding")).isEqualTo("start");
        assertThat(handler("POST", "/decisions")).as("POST /decisions is no list; /{processId} matches").isEqualTo("start");
    }

    @Test
    void theFirstSegmentIsComparedDecodedAndWithoutMatrixVariables() throws Exception {
        assertThat(handler("POST", "/decis%69ons/CommissionSplit")).isEqualTo("evaluate");
        assertThat(handler("GET", "/usertasks;v=1/instance/7")).isEqualTo("task");
    }

    @Test
    void aPathNoMappingHasFindsNothingAndAWrongMethodIsStillA405() throws Exception {
        assertThat(handler("GET", "/nowhere/at/all")).isNull();
        assertThatThrownBy(() -> handler("DELETE", "/decisions/CommissionSplit")).isInstanceOf(HttpRequestMethodNotSupportedException.class);
    }

    private String handler(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        ServletRequestPathUtils.parseAndCache(request);
        HandlerExecutionChain chain = mapping.getHandler(request);
        return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }
}
