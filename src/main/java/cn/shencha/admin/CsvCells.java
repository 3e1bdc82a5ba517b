package cn.shencha.admin;

/**
 * CSV injection (OWASP): Excel and LibreOffice run a cell that starts with = + - @, a tab or a carriage return as a
 * formula, so a name from the import or a reviewer's reason such as {@code =HYPERLINK("http://…"&C2,"click")}
 * could send the sheet's ID numbers away. Every cell the app writes into a CSV goes through here: such a cell
 * gets a leading apostrophe, which the spreadsheet shows as text and the registration system ignores.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralized(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
            default -> cell;
        };
    }
}
