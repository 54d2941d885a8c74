"""The Qt-free data and cache folders are the ones QStandardPaths gives the app."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from reader.core import paths


def test_overrides(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_READER_DATA", str(tmp_path / "d"))
    monkeypatch.delenv("TRANSCRIPT_READER_CACHE", raising=False)
    assert paths.data_dir() == tmp_path / "d"
    assert paths.cache_dir() == tmp_path / "d" / "cache"
    assert paths.config_dir() == tmp_path / "d" / "config"
    monkeypatch.setenv("TRANSCRIPT_READER_CACHE", str(tmp_path / "c"))
    assert paths.cache_dir() == tmp_path / "c"


def test_same_folders_as_qstandardpaths(qapp, monkeypatch):
    monkeypatch.delenv("TRANSCRIPT_READER_DATA", raising=False)
    monkeypatch.delenv("TRANSCRIPT_READER_CACHE", raising=False)
    old = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    QCoreApplication.setOrganizationName(paths.ORGANIZATION)
    QCoreApplication.setApplicationName(paths.APPLICATION)
    try:
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    finally:
        QCoreApplication.setOrganizationName(old[0])
        QCoreApplication.setApplicationName(old[1])
    assert paths.data_dir() == Path(data)
    assert paths.cache_dir() == Path(cache)
    assert paths.config_dir() == Path(config)


def test_resources_dir_holds_the_package_data():
    # From the source tree (an editable install maps reader.resources to resources/).
    folder = paths.resources_dir()
    assert (folder / "sample-transcript.txt").is_file()
    assert (folder / "icons" / "transcript-reader-64.png").is_file()
    assert (folder / "translations").is_dir()
    assert folder.resolve() == (Path(__file__).resolve().parent.parent / "resources").resolve()
