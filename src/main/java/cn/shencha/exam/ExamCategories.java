package cn.shencha.exam;

import java.util.List;

/** The exam categories (报考类别) as the registration system names them. */
public final class ExamCategories {

    public static final String CLINICAL = "临床执业医师";
    public static final String CLINICAL_ASSISTANT = "临床执业助理医师";
    public static final String DENTAL = "口腔执业医师";
    public static final String DENTAL_ASSISTANT = "口腔执业助理医师";
    public static final String PUBLIC_HEALTH = "公共卫生执业医师";
    public static final String PUBLIC_HEALTH_ASSISTANT = "公共卫生执业助理医师";
    public static final String CHINESE_MEDICINE = "中医执业医师";
    public static final String CHINESE_MEDICINE_ASSISTANT = "中医执业助理医师";

    public static final List<String> ALL = List.of(CLINICAL, CLINICAL_ASSISTANT, DENTAL, DENTAL_ASSISTANT,
            PUBLIC_HEALTH, PUBLIC_HEALTH_ASSISTANT, CHINESE_MEDICINE, CHINESE_MEDICINE_ASSISTANT);

    private ExamCategories() {
    }

    public static boolean isKnown(String category) {
        return ALL.contains(category);
    }
}
