/** "data:text/csv;base64,AAAA" → "AAAA". */
export function base64FromDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma >= 0 ? dataUrl.slice(comma + 1) : dataUrl;
}

export interface Base64File {
  filename: string;
  mimeType: string;
  contentBase64: string;
}

/** Saves a file the API sent as base64 (an export) through a temporary object URL. */
export function downloadBase64File(file: Base64File): void {
  const binary = atob(file.contentBase64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
