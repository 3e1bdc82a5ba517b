package cn.shencha.materials.internal;

import cn.shencha.exam.Verdict;
import java.time.Instant;

/** A published verdict of the same person (same ID number) in an earlier exam season; {@code reason} only for a rejection. */
public record EarlierVerdict(String seasonCode, String seasonName, String registrationNo, Verdict verdict,
                             String verdictText, String reason, Instant publishedAt) {
}
