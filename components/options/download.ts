// Save text as a file through an `<a download>` and a Blob URL: needs no `downloads` permission.
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the Blob after this task; revoke only once the download has surely begun.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
