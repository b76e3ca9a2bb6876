package com.livegov.governance.settlement;

/**
 * A request that the state of the month does not allow: the month is already being settled or is settled
 * (so it cannot be started again, and its figures are frozen), or its payouts are not approved yet.
 * {@code /commission-settlements} answers 409.
 */
public class SettlementConflict extends SettlementRefused {

    SettlementConflict(String message) {
        super(message);
    }
}
