"""content_lint.media: captions and transcripts for video and audio; no iframes."""

from content_lint.issues import LintContext
from content_lint.media import check
from content_lint.tree import parse
from support import FIXTURE_SITE

CAPTIONS = '<track kind="captions" src="v.vtt" srclang="zh-Hant-TW" label="中文">'
TRANSCRIPT = '<p><a href="/media/v-transcript/">影片逐字稿</a></p>'

FILES = FIXTURE_SITE / "content/files"


def issues(html):
    return check(parse(html), LintContext("zh-tw", files_root=FILES))


def test_video_with_captions_and_transcript_is_clean():
    assert issues(f'<video controls src="/media/v.mp4">{CAPTIONS}</video>{TRANSCRIPT}') == []


def test_subtitles_track_and_english_transcript_are_accepted():
    html = ('<video src="v.mp4"><track kind="subtitles" src="v.vtt"></video>'
            '<p><a href="t/">Video transcript</a></p>')
    assert issues(html) == []


def test_video_without_captions_is_reported():
    [issue] = issues(f'<video controls src="/media/v.mp4"></video>{TRANSCRIPT}')
    assert "no captions track" in issue.message
    assert issue.needles[0] == "v.mp4"


def test_metadata_track_is_not_captions():
    html = f'<video><source src="v.webm"><track kind="metadata" src="m.vtt"></video>{TRANSCRIPT}'
    [issue] = issues(html)
    assert "no captions track" in issue.message and "v.webm" in issue.message


def test_video_without_transcript_link_is_reported():
    [issue] = issues(f'<video src="v.mp4">{CAPTIONS}</video>')
    assert "no transcript link" in issue.message


def test_audio_needs_a_transcript_link():
    [issue] = issues('<audio controls src="a.mp3"></audio>')
    assert issue.message.startswith("audio 'a.mp3'")
    assert issues('<audio src="a.mp3"></audio><p><a href="t/">廣播文字稿</a></p>') == []


def test_iframe_is_not_allowed():
    [issue] = issues('<iframe src="https://www.youtube.com/embed/x" title="影片"></iframe>')
    assert "not allowed" in issue.message
    assert issue.needles[0] == "https://www.youtube.com/embed/x"
