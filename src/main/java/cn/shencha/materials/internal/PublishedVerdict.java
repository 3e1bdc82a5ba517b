package cn.shencha.materials.internal;

import cn.shencha.exam.Verdict;
import java.time.Instant;

/** The district's final decision, once published; {@code reason} only for a rejection. */
public record PublishedVerdict(Verdict verdict, String verdictText, String reason, Instant publishedAt) {
}
