package cn.shencha.exam;

/** Mainland resident ID numbers (GB 11643): 17 digits and a check character (0-9 or X). */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    public static boolean isValid(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return false;
        }
        String body = idNumber.substring(0, 17);
        if (!body.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Character.toUpperCase(idNumber.charAt(17)) == checkCharacter(body);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static String withCheckCharacter(String first17Digits) {
        return first17Digits + checkCharacter(first17Digits);
    }
}
