package com.livegov.governance.dialect;

import java.util.List;

/** The Kogito-dialect text of one file, and what could not be translated (when that is not empty, the text must not be used). */
public record Translation(String kogitoXml, List<Problem> problems) {

    public Translation {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
