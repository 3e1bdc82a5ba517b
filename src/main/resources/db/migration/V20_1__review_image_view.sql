-- Review: every time a staff member's browser fetched a candidate's image (thumbnail or full size).
-- PIPL: who saw which candidate's image, and when; administrators list it (GET /api/v1/admin/image-views).
-- No foreign key to material_image: the record outlives an image the candidate deletes before submitting.
create table review_image_view (
    id            bigint       auto_increment primary key,
    image_id      bigint       not null,
    candidate_id  bigint       not null,
    viewer        varchar(64)  not null,
    image_size    varchar(10)  not null,                   -- FULL or THUMB
    viewed_at     datetime(6)  not null,
    constraint fk_image_view_candidate foreign key (candidate_id) references candidate (id)
);
create index ix_image_view_candidate on review_image_view (candidate_id, viewed_at);
create index ix_image_view_viewer on review_image_view (viewer, viewed_at);
create index ix_image_view_viewed_at on review_image_view (viewed_at);
