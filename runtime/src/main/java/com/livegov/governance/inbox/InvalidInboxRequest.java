package com.livegov.governance.inbox;

/** A request to the inbox that cannot be answered as asked (a bad parameter, an unknown user): 400. */
public class InvalidInboxRequest extends RuntimeException {

    private final String parameter;

    public InvalidInboxRequest(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    /** The parameter or field at fault. */
    public String parameter() {
        return parameter;
    }
}
