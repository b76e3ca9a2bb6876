package com.livegov.governance.taskcontext;

/** A comment that cannot be added: empty, too long, not text. Nothing is added. */
public class CommentRefused extends RuntimeException {

    CommentRefused(String message) {
        super(message);
    }
}
