package cn.shencha.base.security;

/** Spring Security roles (without the ROLE_ prefix, as @RolesAllowed and hasRole take them). */
public final class Roles {

    public static final String CANDIDATE = "CANDIDATE";
    public static final String STAFF = "STAFF";
    public static final String REVIEWER = "REVIEWER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
