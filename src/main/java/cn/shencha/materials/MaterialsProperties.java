package cn.shencha.materials;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the upload pipeline ({@code shencha.materials.*}). The stored size limit itself is the
 * district's ({@code district.max_image_bytes}, 200 KB by default).
 *
 * @param maxUploadBytes     the largest file accepted for shrinking (20 MB, a phone photo is 1.5–5 MB)
 * @param maxSourcePixels    the most pixels an image may declare in its header (checked before decoding)
 * @param maxSourceSide      the longest side an image may declare in its header
 * @param maxDecodedPixels   larger images are decoded subsampled to at most about this many pixels
 * @param maxStoredLongSide  the longest side of a re-encoded image
 * @param legibleLongSide    never shrink the long side below this (or the original, if smaller)
 * @param smallShortSide     a short side below this gets a "too small to read" warning
 * @param concurrentDecodes  how many images are decoded at once (each may take ~100 MB)
 * @param orphanGrace        a stored file without a row is removed once it is older than this (longer than an
 *                           upload takes from writing its file to committing its row)
 */
@ConfigurationProperties("shencha.materials")
public record MaterialsProperties(
        @DefaultValue("20971520") int maxUploadBytes,
        @DefaultValue("200000000") long maxSourcePixels,
        @DefaultValue("20000") int maxSourceSide,
        @DefaultValue("16000000") long maxDecodedPixels,
        @DefaultValue("2560") int maxStoredLongSide,
        @DefaultValue("1280") int legibleLongSide,
        @DefaultValue("600") int smallShortSide,
        @DefaultValue("2") int concurrentDecodes,
        @DefaultValue("PT5M") Duration orphanGrace) {
}
