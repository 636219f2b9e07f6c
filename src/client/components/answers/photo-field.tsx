// Evidence photos of one item: take one with the camera or pick from the gallery; thumbnails with a
// remove button. The inputs are real <input type=file> (inside labels styled as buttons), which is
// what opens the camera on Android/iOS and what tests drive.
export interface PhotoThumb {
  sha256: string;
  /** Object URL of the stored blob; null when the blob is not on this device (pulled reference). */
  url: string | null;
}

interface PhotoFieldProps {
  name: string;
  label: string;
  photos: readonly PhotoThumb[];
  busy: boolean;
  labels: { camera: string; gallery: string; remove: string; busy: string; alt: (n: number) => string };
  onAdd: (file: File) => void;
  onRemove: (sha256: string) => void;
}

export function PhotoField({ name, label, photos, busy, labels, onAdd, onRemove }: PhotoFieldProps) {
  const onChange = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    for (const file of Array.from(input.files ?? [])) onAdd(file);
    input.value = ""; // the same photo may be chosen again after a removal
  };
  return (
    <div class="photos" data-photos={name}>
      <p class="photos__label">{label}</p>
      {photos.length > 0 && (
        <ul class="photos__list">
          {photos.map((photo, i) => (
            <li key={photo.sha256} class="photos__item" data-sha={photo.sha256}>
              {photo.url ? (
                <img src={photo.url} alt={labels.alt(i + 1)} width={72} height={72} />
              ) : (
                <span class="photos__missing">{labels.alt(i + 1)}</span>
              )}
              <button type="button" class="photos__remove" onClick={() => onRemove(photo.sha256)}>
                {labels.remove}
                <span class="visually-hidden"> {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="photos__actions">
        <label class="button photos__pick">
          <input
            class="visually-hidden"
            type="file"
            accept="image/*"
            capture="environment"
            data-photo-input="camera"
            onChange={onChange}
          />
          {labels.camera}
        </label>
        <label class="button photos__pick">
          <input
            class="visually-hidden"
            type="file"
            accept="image/*"
            multiple
            data-photo-input="gallery"
            onChange={onChange}
          />
          {labels.gallery}
        </label>
      </div>
      {busy && (
        <p class="photos__busy" role="status">
          {labels.busy}
        </p>
      )}
    </div>
  );
}
