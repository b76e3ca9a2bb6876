package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.w3c.dom.Element;

import com.livegov.governance.decisions.checks.DecisionTableView.InputColumn;
import com.livegov.governance.decisions.checks.DecisionTableView.OutputColumn;

/**
 * The protected part of a decision table: its columns. Input columns keep their expression, type and input values;
 * output columns their name, type, output values and default. Labels may change. Columns are matched by id when
 * every column has one, else by position.
 */
final class DecisionTableColumns {

    private DecisionTableColumns() {
    }

    static void compare(DecisionTableView old, DecisionTableView now, Element table, List<Finding> findings) {
        String decision = old.decision();
        if (!old.typeRef().equals(now.typeRef())) {
            findings.add(ProtectedCheck.finding("tableTypeChanged", table, decision, old.typeRef().isEmpty() ? "-" : old.typeRef(),
                    now.typeRef().isEmpty() ? "-" : now.typeRef()));
        }
        List<int[]> inputs = match(old.inputs(), now.inputs(), InputColumn::id);
        for (int[] pair : inputs) {
            if (pair[1] < 0) {
                findings.add(ProtectedCheck.finding("inputColumnRemoved", table, decision, old.inputs().get(pair[0]).title()));
            } else if (pair[0] < 0) {
                findings.add(ProtectedCheck.finding("inputColumnAdded", table, decision, now.inputs().get(pair[1]).title()));
            } else {
                compareInput(decision, table, old.inputs().get(pair[0]), now.inputs().get(pair[1]), findings);
                if (pair[0] != pair[1] && complete(inputs)) {
                    findings.add(ProtectedCheck.finding("inputColumnMoved", table, decision, now.inputs().get(pair[1]).title(),
                            String.valueOf(pair[0] + 1), String.valueOf(pair[1] + 1)));
                }
            }
        }
        List<int[]> outputs = match(old.outputs(), now.outputs(), OutputColumn::id);
        for (int[] pair : outputs) {
            if (pair[1] < 0) {
                findings.add(ProtectedCheck.finding("outputColumnRemoved", table, decision, old.outputs().get(pair[0]).title(decision)));
            } else if (pair[0] < 0) {
                findings.add(ProtectedCheck.finding("outputColumnAdded", table, decision, now.outputs().get(pair[1]).title(decision)));
            } else {
                compareOutput(decision, table, old.outputs().get(pair[0]), now.outputs().get(pair[1]), findings);
                if (pair[0] != pair[1] && complete(outputs)) {
                    findings.add(ProtectedCheck.finding("outputColumnMoved", table, decision, now.outputs().get(pair[1]).title(decision),
                            String.valueOf(pair[0] + 1), String.valueOf(pair[1] + 1)));
                }
            }
        }
    }

    private static void compareInput(String decision, Element table, InputColumn old, InputColumn now, List<Finding> findings) {
        String column = now.title();
        check("inputExpressionChanged", decision, column, old.expression(), now.expression(), table, findings);
        check("inputColumnTypeChanged", decision, column, old.expressionTypeRef(), now.expressionTypeRef(), table, findings);
        check("inputValuesChanged", decision, column, old.inputValues(), now.inputValues(), table, findings);
    }

    private static void compareOutput(String decision, Element table, OutputColumn old, OutputColumn now, List<Finding> findings) {
        String column = now.title(decision);
        check("outputNameChanged", decision, old.title(decision), old.name(), now.name(), table, findings);
        check("outputColumnTypeChanged", decision, column, old.typeRef(), now.typeRef(), table, findings);
        check("outputValuesChanged", decision, column, old.outputValues(), now.outputValues(), table, findings);
        check("defaultOutputChanged", decision, column, old.defaultOutput(), now.defaultOutput(), table, findings);
    }

    private static void check(String code, String decision, String column, String old, String now, Element table, List<Finding> findings) {
        if (!old.equals(now)) {
            findings.add(ProtectedCheck.finding(code, table, decision, column, old.isEmpty() ? "-" : old, now.isEmpty() ? "-" : now));
        }
    }

    /**
     * Pairs of positions {old, new} (-1 where a column has no counterpart), in the new order then the removed ones.
     * By id when every column on both sides has a distinct id, otherwise by position.
     */
    static <T> List<int[]> match(List<T> old, List<T> now, Function<T, String> id) {
        List<int[]> pairs = new ArrayList<>();
        if (haveIds(old, id) && haveIds(now, id)) {
            List<String> oldIds = old.stream().map(id).toList();
            List<String> newIds = now.stream().map(id).toList();
            for (int i = 0; i < now.size(); i++) {
                pairs.add(new int[] {oldIds.indexOf(newIds.get(i)), i});
            }
            for (int i = 0; i < old.size(); i++) {
                if (!newIds.contains(oldIds.get(i))) {
                    pairs.add(new int[] {i, -1});
                }
            }
            return pairs;
        }
        for (int i = 0; i < Math.max(old.size(), now.size()); i++) {
            pairs.add(new int[] {i < old.size() ? i : -1, i < now.size() ? i : -1});
        }
        return pairs;
    }

    /** True when every column has its counterpart: a different position is then a move, not a shift. */
    private static boolean complete(List<int[]> pairs) {
        return pairs.stream().allMatch(pair -> pair[0] >= 0 && pair[1] >= 0);
    }

    private static <T> boolean haveIds(List<T> columns, Function<T, String> id) {
        return columns.stream().map(id).noneMatch(String::isEmpty) && columns.stream().map(id).distinct().count() == columns.size();
    }
}
