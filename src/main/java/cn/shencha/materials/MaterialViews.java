package cn.shencha.materials;

import cn.shencha.materials.internal.UploadNotice;
import cn.shencha.materials.internal.MaterialImageView;
import cn.shencha.base.i18n.Messages;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Builds the read models the UI and the API share, with texts in the requested language. */
@Component
class MaterialViews {

    private final Messages messages;

    MaterialViews(Messages messages) {
        this.messages = messages;
    }

    MaterialImageView image(MaterialImage image, String typeCode, boolean typeUnlocked, Locale locale) {
        List<UploadNotice> warnings = image.getQualityWarnings().stream().map(code -> warning(code, locale)).toList();
        return new MaterialImageView(image.getId(), typeCode, image.getState(), image.getActiveSlot(),
                image.getContentType(), image.getSizeBytes(), image.getWidth(), image.getHeight(),
                image.getUploadedAt(), image.isSubmitted(), image.getReplacedAt(), image.getReplacedReason(),
                typeUnlocked && image.isActive(), warnings);
    }

    UploadNotice warning(String code, Locale locale) {
        return new UploadNotice(code, UploadNotice.Level.WARNING, messages.get(locale, "materials.warning." + code));
    }

    String lockReasonText(LockReason reason, Locale locale) {
        return reason == null ? null : messages.get(locale, "error." + reason.name());
    }
}
