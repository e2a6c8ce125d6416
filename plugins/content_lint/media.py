"""Media: a `<video>` needs captions (`<track kind="captions">` or subtitles; a track with no
kind is subtitles) and a transcript link; an `<audio>` needs a transcript link; an `<iframe>`
is not allowed (the site makes no third-party requests). A transcript link is any link in
the same part of the item whose text contains 逐字稿, 文字稿 or "transcript"."""

from __future__ import annotations

from .issues import Issue, LintContext, Occurrences
from .tree import elements, first, links, text_of

TRANSCRIPT_WORDS = ("逐字稿", "文字稿", "transcript")
CAPTION_KINDS = {"captions", "subtitles"}
CAPTIONS_FIX = ('add `<track kind="captions" src="….vtt" srclang="…" label="…">` '
                "inside the <video>, with a WebVTT file of the dialogue and sounds.")
TRANSCRIPT_FIX = ("add a link to a text version next to it whose text says 逐字稿 / transcript, "
                  "e.g. `[影片逐字稿](video-transcript/)`.")
IFRAME_FIX = ("do not embed other sites; host the video or audio on this site with <video> "
              "or <audio>, or link to the page instead.")


def has_transcript_link(root) -> bool:
    return any(word in text_of(link).lower() for link in links(root) for word in TRANSCRIPT_WORDS)


def has_captions(video) -> bool:
    return any(track.get("kind", "subtitles").strip().lower() in CAPTION_KINDS
               for track in elements(video, "track"))


def source_of(media) -> str:
    """The file a <video> or <audio> plays: its src, or its first <source>'s."""
    source = first(media, "source")
    return media.get("src") or (source.get("src", "") if source is not None else "")


def check(root, context: LintContext) -> list[Issue]:
    """An issue for each video without captions, media without a transcript link, and iframe."""
    issues, occurrences = [], Occurrences()
    transcript = has_transcript_link(root)
    for media in elements(root, "video", "audio"):
        src = source_of(media)
        occurrence = occurrences.next((media.tag, src))
        needles = (src.rpartition("/")[2] or f"<{media.tag}", f"<{media.tag}")
        if media.tag == "video" and not has_captions(media):
            issues.append(Issue("video-captions", f"video {src!r} has no captions track", CAPTIONS_FIX,
                                needles, occurrence))
        if not transcript:
            issues.append(Issue("media-transcript", f"{media.tag} {src!r} has no transcript link on the page",
                                TRANSCRIPT_FIX, needles, occurrence))
    for frame in elements(root, "iframe"):
        src = frame.get("src", "")
        issues.append(Issue("iframe", f"iframe {src!r} is not allowed (third-party content)", IFRAME_FIX,
                            (src, "<iframe"), occurrences.next(("iframe", src))))
    return issues
