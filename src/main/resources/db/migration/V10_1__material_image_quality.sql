-- materials: quality hints kept with the image (shown again in the overview), and one file per row.
alter table material_image add column quality_warnings varchar(200);
create unique index uq_material_image_storage_key on material_image (storage_key);
