package cn.shencha.base.ui;

import cn.shencha.base.security.CurrentUser;
import cn.shencha.base.security.ShenchaUser;

/** A navigation entry that candidates see: features declare theirs as beans of this type. */
public record CandidateNavigation(String labelKey, String path, int order) implements NavigationEntry {

    @Override
    public boolean visibleToCurrentUser() {
        return CurrentUser.get().map(ShenchaUser::isCandidate).orElse(false);
    }
}
