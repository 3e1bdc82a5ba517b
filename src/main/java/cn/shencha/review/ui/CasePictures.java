package cn.shencha.review.ui;

import org.springframework.modulith.NamedInterface;
import cn.shencha.review.ReviewCase;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H5;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A case's pictures as a reviewer sees them, for pages of the app (the administrator's case view): per material its
 * current images as thumbnails, a click opens the full picture. The images come from the reviewer API's image
 * endpoint ({@link ReviewCase.ImageInfo#thumbUrl()}, {@link ReviewCase.ImageInfo#url()}), so every view is checked
 * and recorded in the image-view log exactly as in the review form, and each carries the same on-screen
 * watermark (the notice, who is looking and when), never in the file.
 */
@NamedInterface("ui") // Shown in admin's case view.
public class CasePictures extends Div {

    private final String watermark;

    /** @param watermark the notice, the viewer's id and the time, as the review form draws it */
    public CasePictures(List<ReviewCase.MaterialView> materials, String watermark, String noImages) {
        this.watermark = watermark;
        addClassName("shencha-case-pictures");
        boolean any = false;
        for (ReviewCase.MaterialView material : materials) {
            if (material.images().isEmpty()) {
                continue;
            }
            any = true;
            Div row = new Div();
            row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)");
            for (ReviewCase.ImageInfo image : material.images()) {
                row.add(thumbnail(material, image));
            }
            Div section = new Div(new H5(material.name()), row);
            section.getElement().setAttribute("data-type-code", material.typeCode());
            add(section);
        }
        if (!any) {
            add(new Span(noImages));
        }
    }

    private Component thumbnail(ReviewCase.MaterialView material, ReviewCase.ImageInfo image) {
        Image img = new Image(image.thumbUrl(), material.name());
        img.getStyle().set("max-width", "100%").set("max-height", "100%").set("display", "block");
        Button open = new Button(img, e -> openFull(material, image));
        open.getElement().setAttribute("aria-label", material.name() + " " + image.width() + "×" + image.height());
        open.addClassName("shencha-thumb");
        open.getStyle().set("position", "relative").set("width", "150px").set("height", "112px").set("padding", "0")
                .set("overflow", "hidden").set("background", "#f7fafc").set("cursor", "zoom-in");
        Div layer = new Div(open, watermarkLayer());
        layer.getStyle().set("position", "relative");
        return layer;
    }

    private void openFull(ReviewCase.MaterialView material, ReviewCase.ImageInfo image) {
        Image full = new Image(image.url(), material.name());
        full.getStyle().set("max-width", "100%").set("max-height", "80vh").set("display", "block")
                .set("margin", "0 auto");
        Div stage = new Div(full, watermarkLayer());
        stage.getStyle().set("position", "relative");
        Dialog dialog = new Dialog(stage);
        dialog.setHeaderTitle(material.name());
        dialog.getFooter().add(new Button(getTranslation("review.form.viewer.close"), e -> dialog.close()));
        dialog.setMaxWidth("95vw");
        dialog.addClassName("shencha-picture-dialog");
        dialog.open();
    }

    /** The review form's watermark: a tiled SVG over the picture, drawn by the page, not in the file. */
    Div watermarkLayer() {
        String escaped = watermark.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"230\" height=\"110\">"
                + "<text x=\"4\" y=\"70\" transform=\"rotate(-18 115 55)\" fill=\"rgba(197,48,48,0.38)\" "
                + "font-family=\"sans-serif\" font-size=\"12\">" + escaped + "</text></svg>";
        Div layer = new Div();
        layer.addClassName("shencha-watermark");
        layer.getElement().setAttribute("aria-hidden", "true");
        layer.getElement().setAttribute("data-watermark", watermark);
        layer.getStyle().set("position", "absolute").set("inset", "0").set("pointer-events", "none")
                .set("background-repeat", "repeat")
                .set("background-image", "url(\"data:image/svg+xml;charset=utf-8,"
                        + URLEncoder.encode(svg, StandardCharsets.UTF_8).replace("+", "%20") + "\")");
        return layer;
    }
}
