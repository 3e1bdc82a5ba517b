package cn.shencha.base.security;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a staff member may see, from their Camunda groups: {@code site1201} reviews exam site 1201,
 * {@code district12} reviews district 12, {@code camunda-admin} administers everything.
 */
public record StaffScope(String userId, Set<String> siteCodes, Set<String> districtCodes, boolean admin) {

    public static final String ADMIN_GROUP = "camunda-admin";
    public static final String SITE_GROUP_PREFIX = "site";
    public static final String DISTRICT_GROUP_PREFIX = "district";

    public static StaffScope of(String userId, Set<String> groupIds) {
        return new StaffScope(userId,
                codes(groupIds, SITE_GROUP_PREFIX),
                codes(groupIds, DISTRICT_GROUP_PREFIX),
                groupIds.contains(ADMIN_GROUP));
    }

    public boolean coversSite(String siteCode) {
        return admin || siteCodes.contains(siteCode);
    }

    public boolean coversDistrict(String districtCode) {
        return admin || districtCodes.contains(districtCode);
    }

    /** A reviewer sees a candidate of their own site, or of their own district. */
    public boolean coversCandidate(String siteCode, String districtCode) {
        return coversSite(siteCode) || coversDistrict(districtCode);
    }

    private static Set<String> codes(Set<String> groupIds, String prefix) {
        return groupIds.stream()
                .filter(g -> g.startsWith(prefix) && g.length() > prefix.length()
                        && g.substring(prefix.length()).chars().allMatch(Character::isDigit))
                .map(g -> g.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
