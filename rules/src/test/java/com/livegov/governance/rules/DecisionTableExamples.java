package com.livegov.governance.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.validation.DMNValidator;
import org.kie.dmn.validation.DMNValidatorFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A DMN model from {@code src/main/resources} with its examples file: evaluates examples through the Drools
 * DMN engine, remembers which rules they hit, validates the model and runs Drools' decision-table analysis.
 *
 * <p>The examples file is a CSV with a header: the input columns, the expected output columns, and a
 * {@code rule} column with the id of the rule the row must hit. Empty cells are {@code null}; lines starting
 * with {@code #} are comments.
 */
public final class DecisionTableExamples {

    /** One row of an examples file. */
    public record Example(int line, Map<String, String> inputs, Map<String, String> expected, String rule) {
        @Override
        public String toString() {
            return "line " + line + " " + inputs + " -> " + rule;
        }
    }

    private final String modelPath;
    private final DMNRuntime runtime;
    private final DMNModel model;
    private final Set<String> hitRules = new LinkedHashSet<>();

    public DecisionTableExamples(String modelPath) {
        this.modelPath = modelPath;
        this.runtime = DMNRuntimeBuilder.fromDefaults().buildConfiguration()
                .fromResources(List.of(resource()))
                .getOrElseThrow(e -> new IllegalStateException("Cannot load " + modelPath, e));
        this.model = runtime.getModels().get(0);
        runtime.addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                hitRules.addAll(event.getSelectedIds());
            }
        });
    }

    public DMNModel model() {
        return model;
    }

    /** Evaluates every decision of the model on the given inputs. */
    public DMNResult evaluate(Map<String, ?> inputs) {
        DMNContext context = runtime.newContext();
        inputs.forEach(context::set);
        return runtime.evaluateAll(model, context);
    }

    /** Evaluates and returns the ids of the rules the evaluation selected. */
    public List<String> rulesSelectedBy(Map<String, ?> inputs) {
        List<String> selected = new ArrayList<>();
        DMNRuntimeEventListener listener = new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                selected.addAll(event.getSelectedIds());
            }
        };
        runtime.addListener(listener);
        try {
            evaluate(inputs);
        } finally {
            runtime.removeListener(listener);
        }
        return selected;
    }

    /** Every rule id of every decision table of the model. */
    public Set<String> allRuleIds() {
        return model.getDecisions().stream()
                .map(decision -> decision.getDecision().getExpression())
                .filter(DecisionTable.class::isInstance)
                .flatMap(table -> ((DecisionTable) table).getRule().stream())
                .map(DecisionRule::getId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The rules that no evaluation so far has selected. */
    public Set<String> rulesNeverHit() {
        Set<String> missing = new LinkedHashSet<>(allRuleIds());
        missing.removeAll(hitRules);
        return missing;
    }

    /** Schema and model validation messages. */
    public List<DMNMessage> validationMessages() {
        return validate(DMNValidator.Validation.VALIDATE_SCHEMA, DMNValidator.Validation.VALIDATE_MODEL,
                DMNValidator.Validation.VALIDATE_COMPILATION);
    }

    /** Drools' decision-table analysis: gaps, overlaps, masked and subsumed rules. */
    public List<DMNMessage> analysisMessages() {
        return validate(DMNValidator.Validation.ANALYZE_DECISION_TABLE);
    }

    private List<DMNMessage> validate(DMNValidator.Validation... validations) {
        DMNValidator validator = DMNValidatorFactory.newValidator();
        try {
            return validator.validateUsing(validations).theseModels(resource()).stream().toList();
        } finally {
            validator.dispose();
        }
    }

    /** Reads the examples file next to the model's test resources. */
    public static List<Example> read(String examplesPath, Set<String> inputColumns) {
        InputStream stream = DecisionTableExamples.class.getClassLoader().getResourceAsStream(examplesPath);
        if (stream == null) {
            throw new IllegalArgumentException("No examples file " + examplesPath);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<Example> examples = new ArrayList<>();
            String[] header = null;
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = Arrays.stream(line.split(",", -1)).map(String::trim).toArray(String[]::new);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> inputs = new LinkedHashMap<>();
                Map<String, String> expected = new LinkedHashMap<>();
                String rule = null;
                for (int i = 0; i < header.length; i++) {
                    String value = i < cells.length && !cells[i].isEmpty() ? cells[i] : null;
                    if (header[i].equals("rule")) {
                        rule = value;
                    } else if (inputColumns.contains(header[i])) {
                        inputs.put(header[i], value);
                    } else {
                        expected.put(header[i], value);
                    }
                }
                examples.add(new Example(lineNumber, inputs, expected, rule));
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Resource resource() {
        return ResourceFactory.newClassPathResource(modelPath, DecisionTableExamples.class);
    }
}
