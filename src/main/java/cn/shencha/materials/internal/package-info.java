/**
 * The materials module's internals: its repositories (material types, images, unlocks) and the read models of the
 * candidate's pages and API (status, overview, upload results). Internal to the
 * module (Spring Modulith): other modules use CandidateMaterials and MaterialCatalog.
 */
package cn.shencha.materials.internal;
