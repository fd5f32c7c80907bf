"""The production storage of static files, with each file's URL worked out once per process.

`{% static %}` asks the manifest storage for a URL about ten times a page (the base template's
styles and scripts); each answer normalises the name, looks it up in the manifest and joins it to
STATIC_URL, about 0.1 ms. The manifest is read when the storage is made and does not change while
the process runs (collectstatic runs in its own process and forgets what it worked out), so the
answers are kept.
"""

from __future__ import annotations

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        url = self._urls.get(name)
        if url is None:
            url = self._urls[name] = super().url(name)
        return url

    def post_process(self, *args, **kwargs):
        # Collecting changes the manifest: nothing worked out before it still holds.
        self._urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._urls.clear()
