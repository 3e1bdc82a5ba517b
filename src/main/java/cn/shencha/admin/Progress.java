package cn.shencha.admin;

/** Told how far a long admin operation has come, for a progress bar; called from the working thread. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> {
    };

    void update(int done, int total);
}
