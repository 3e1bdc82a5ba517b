/**
 * The materials module's own persistence: the repositories of material types, images and unlocks. Internal to the
 * module (Spring Modulith): other modules use CandidateMaterials and MaterialCatalog.
 */
package cn.shencha.materials.internal;
