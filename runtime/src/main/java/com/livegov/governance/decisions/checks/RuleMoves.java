package com.livegov.governance.decisions.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules kept in both versions were moved: the rules that stay in order are the longest run of rules whose
 * older positions keep increasing in the newer order; every other kept rule was moved. A rule that only shifted
 * because others were added or removed above it is not a move.
 */
final class RuleMoves {

    /** One moved rule, with its older and newer 1-based positions. */
    record Move(String id, int from, int to) {
    }

    private RuleMoves() {
    }

    static List<Move> find(List<DecisionTableView.Rule> older, List<DecisionTableView.Rule> newer) {
        Map<String, Integer> oldPositions = new HashMap<>();
        older.forEach(rule -> oldPositions.put(rule.id(), rule.position()));
        List<DecisionTableView.Rule> kept = newer.stream().filter(rule -> oldPositions.containsKey(rule.id())).toList();
        int[] sequence = kept.stream().mapToInt(rule -> oldPositions.get(rule.id())).toArray();
        Set<Integer> staying = longestIncreasing(sequence);
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            if (!staying.contains(i)) {
                DecisionTableView.Rule rule = kept.get(i);
                moves.add(new Move(rule.id(), oldPositions.get(rule.id()), rule.position()));
            }
        }
        return moves;
    }

    /** The indexes of one longest strictly increasing subsequence. */
    private static Set<Integer> longestIncreasing(int[] values) {
        int n = values.length;
        int[] length = new int[n];
        int[] previous = new int[n];
        Arrays.fill(previous, -1);
        int best = -1;
        for (int i = 0; i < n; i++) {
            length[i] = 1;
            for (int j = 0; j < i; j++) {
                if (values[j] < values[i] && length[j] + 1 > length[i]) {
                    length[i] = length[j] + 1;
                    previous[i] = j;
                }
            }
            if (best < 0 || length[i] > length[best]) {
                best = i;
            }
        }
        Set<Integer> indexes = new HashSet<>();
        for (int i = best; i >= 0; i = previous[i]) {
            indexes.add(i);
        }
        return indexes;
    }
}
