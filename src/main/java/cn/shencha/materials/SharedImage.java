package cn.shencha.materials;

/**
 * For reviewers only: one of the candidate's images has exactly the same stored bytes as an image of
 * another candidate (a sign of a shared or forged document). Never shown to the candidate.
 */
public record SharedImage(Long imageId, Long materialTypeId, Long otherCandidateId) {
}
