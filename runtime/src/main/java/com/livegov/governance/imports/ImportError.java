package com.livegov.governance.imports;

/**
 * A refused cell of an uploaded file, as the API answers it (in the problem document's {@code errors}) and a page
 * shows it.
 *
 * @param row the row as a spreadsheet numbers it (the header is row 1); for JSON, the position of the streamer in
 *        {@code streamers} (from 1); null for the file as a whole
 * @param column the column (CSV) or the field's path within the streamer (JSON, e.g. {@code subAccounts[0].handle});
 *        null for a whole row or file
 * @param code what is wrong, for programs ({@code INVALID_CHOICE}, {@code UNKNOWN_OPS_MANAGER}, ...)
 * @param message what is wrong, in the reader's language
 */
public record ImportError(Integer row, String column, String code, String message) {
}
