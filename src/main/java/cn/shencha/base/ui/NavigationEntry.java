package cn.shencha.base.ui;

/** A link in the app shell's navigation, contributed by a feature as a Spring bean. */
public interface NavigationEntry {

    String labelKey();

    String path();

    int order();

    boolean visibleToCurrentUser();
}
