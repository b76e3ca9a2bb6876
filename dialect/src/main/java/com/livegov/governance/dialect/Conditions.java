package com.livegov.governance.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of JUEL ({@code ${...}}, what the Camunda Modeler writes as a condition of type "Expression") that our
 * processes need, translated into a Java condition Kogito compiles. Supported: a variable ({@code ${approved}}: true
 * when it is {@code true}, false when it is false or unset), its negation ({@code ${!approved}}, {@code ${not approved}}),
 * {@code empty} / {@code not empty}, comparison with a text, a boolean or a number ({@code ==, !=, <, >, <=, >=} and
 * {@code eq, ne, lt, gt, le, ge}), and such terms joined by {@code &&, ||, and, or} (no parentheses).
 */
final class Conditions {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern JOIN = Pattern.compile("\\s+(&&|\\|\\||and|or)\\s+");
    private static final Pattern COMPARISON = Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=|<=|>=|<|>|\\beq\\b|\\bne\\b|\\blt\\b|\\bgt\\b|\\ble\\b|\\bge\\b)\\s*(.+)");
    private static final Set<String> WORDS = Set.of("not", "empty", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null");

    /** Why an expression cannot be translated. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private Conditions() {
    }

    /** The Java body ({@code return ...;}) of a {@code ${...}} condition over the given process variables. */
    static String toJava(String expression, Set<String> variables) throws Unsupported {
        String text = expression.strip();
        if (!text.startsWith("${") || !text.endsWith("}") || text.indexOf("${", 2) >= 0) {
            throw new Unsupported("a condition must be one expression ${...}, or a script with the format 'java'");
        }
        String body = text.substring(2, text.length() - 1).strip();
        if (body.contains("(") || body.contains(")")) {
            throw new Unsupported("parentheses and method calls are not supported in ${...}: write the condition as a script with the format 'java'");
        }
        List<String> terms = new ArrayList<>();
        List<String> joins = new ArrayList<>();
        Matcher join = JOIN.matcher(body);
        int start = 0;
        while (join.find()) {
            terms.add(body.substring(start, join.start()));
            joins.add(join.group(1).equals("and") || join.group(1).equals("&&") ? " && " : " || ");
            start = join.end();
        }
        terms.add(body.substring(start));
        StringBuilder java = new StringBuilder("return ");
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                java.append(joins.get(i - 1));
            }
            java.append(term(terms.get(i).strip(), variables));
        }
        return java.append(';').toString();
    }

    private static String term(String term, Set<String> variables) throws Unsupported {
        if (term.startsWith("not empty ") || term.startsWith("!empty ")) {
            String name = variable(term.substring(term.indexOf("empty ") + 6).strip(), variables);
            return name + " != null && !" + name + ".isEmpty()";
        }
        if (term.startsWith("empty ")) {
            String name = variable(term.substring(6).strip(), variables);
            return "(" + name + " == null || " + name + ".isEmpty())";
        }
        if (term.startsWith("not ") || term.startsWith("!")) {
            String name = variable(term.substring(term.startsWith("!") ? 1 : 4).strip(), variables);
            return "!Boolean.TRUE.equals(" + name + ")";
        }
        Matcher comparison = COMPARISON.matcher(term);
        if (comparison.matches()) {
            String name = variable(comparison.group(1), variables);
            String operator = switch (comparison.group(2)) {
                case "eq" -> "==";
                case "ne" -> "!=";
                case "lt" -> "<";
                case "gt" -> ">";
                case "le" -> "<=";
                case "ge" -> ">=";
                default -> comparison.group(2);
            };
            String value = comparison.group(3).strip();
            boolean negated = operator.equals("!=");
            if (value.matches("'[^'\"\\\\]*'") || value.matches("\"[^'\"\\\\]*\"")) {
                if (!operator.equals("==") && !negated) {
                    throw new Unsupported("a text can only be compared with == or !=");
                }
                return (negated ? "!" : "") + "\"" + value.substring(1, value.length() - 1) + "\".equals(" + name + ")";
            }
            if (value.equals("true") || value.equals("false")) {
                if (!operator.equals("==") && !negated) {
                    throw new Unsupported("true and false can only be compared with == or !=");
                }
                return (negated ? "!" : "") + "Boolean." + value.toUpperCase() + ".equals(" + name + ")";
            }
            if (value.matches("-?[0-9]+(\\.[0-9]+)?")) {
                return name + " != null && ((Number) " + name + ").doubleValue() " + operator + " " + value;
            }
            throw new Unsupported("'" + value + "' is not a text in quotes, true, false or a number");
        }
        return "Boolean.TRUE.equals(" + variable(term, variables) + ")";
    }

    private static String variable(String name, Set<String> variables) throws Unsupported {
        if (!NAME.matcher(name).matches() || WORDS.contains(name)) {
            throw new Unsupported("'" + name + "' is not a process variable name");
        }
        if (!variables.contains(name)) {
            throw new Unsupported("there is no process variable '" + name + "'");
        }
        return name;
    }
}
