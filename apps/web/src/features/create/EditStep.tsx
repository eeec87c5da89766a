import type { Recipe } from '@glimpse/edit';
import type { Dispatch } from 'react';
import { Editor, type EditorPhoto } from '../edit/Editor';
import type { EditorAction, EditorState } from '../edit/editorState';
import { type DraftPhoto, sizeOf } from './photos';

/**
 * Filters and adjustments, between cropping and the caption: the shared editor over the draft's photos,
 * each with its own recipe (which starts from the crop chosen in the Crop step).
 */
export function EditStep({
  photos,
  selected,
  onSelect,
  editor,
  dispatch,
  recipeOf,
  errors,
  onSnapshot,
}: {
  photos: DraftPhoto[];
  selected: DraftPhoto;
  onSelect: (key: string) => void;
  editor: EditorState;
  dispatch: Dispatch<EditorAction>;
  recipeOf: (key: string) => Recipe;
  errors: Record<string, string>;
  onSnapshot: (key: string, dataUrl: string) => void;
}) {
  const editorPhotos: EditorPhoto[] = photos.map((photo) => ({
    key: photo.key,
    src: photo.file,
    thumb: photo.previewUrl,
    size: sizeOf(photo),
  }));
  return (
    <Editor
      photos={editorPhotos}
      selected={selected.key}
      onSelect={onSelect}
      state={editor}
      dispatch={dispatch}
      recipeOf={recipeOf}
      errors={errors}
      onSnapshot={onSnapshot}
    />
  );
}
