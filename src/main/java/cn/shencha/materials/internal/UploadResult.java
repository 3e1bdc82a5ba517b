package cn.shencha.materials.internal;

import java.util.List;

/**
 * A stored upload: the image record, what was done to the file ({@code notes}, e.g. "压缩自 1.6 MB 至 186 KB")
 * and quality hints ({@code warnings}, e.g. "图片可能模糊"), all in the requested language.
 */
public record UploadResult(MaterialImageView image, List<UploadNotice> notes, List<UploadNotice> warnings) {

    /** Notes and warnings together, notes first: what a UI shows after an upload. */
    public List<UploadNotice> notices() {
        return java.util.stream.Stream.concat(notes.stream(), warnings.stream()).toList();
    }
}
