import { bodyParts } from '@sakutei/shared';

/**
 * A comment's text. Rendered as React text nodes only, never as HTML: whatever someone
 * typed (`<script>`, `<img onerror>`) shows as the characters it is.
 */
export function CommentBody({ body, nameOf }: { body: string; nameOf: (userId: string) => string | null }) {
  return (
    <p className="comment__body">
      {bodyParts(body, nameOf).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <span key={index} className="mention-chip" data-testid="mention" data-user-id={part.userId}>
            @{part.name}
          </span>
        ),
      )}
    </p>
  );
}
