/**
 * The revision a link names with `?revision=<id>` (a notification, or its e-mail, about a
 * review), if any: the revisions view opens it for reading.
 */
export function revisionNamedByLink(search: string = window.location.search): string | null {
  const id = new URLSearchParams(search).get('revision');
  return id && id.length <= 64 ? id : null;
}
