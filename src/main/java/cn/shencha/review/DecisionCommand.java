package cn.shencha.review;

import java.util.List;

/** A reviewer's decision as submitted by the task form or the reviewer API. */
public record DecisionCommand(Decision decision, String reason, List<MaterialVerdictCommand> materials) {

    public record MaterialVerdictCommand(String typeCode, MaterialVerdict.Verdict verdict, String reason) {
    }

    public DecisionCommand {
        materials = materials == null ? List.of() : List.copyOf(materials);
    }
}
