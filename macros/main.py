"""MkDocs-macros entry point: registers the project's blocks as macros, nothing more."""

from pathlib import Path

from evidence import blocks
from evidence.dataset import current_dataset as dataset_for


def define_env(env):
    project = Path(env.conf["config_file_path"]).parent

    def current_dataset():
        return dataset_for(project)

    def root() -> str:
        return blocks.rel_root(env.page.url)

    @env.macro
    def survey_figure(wave: str, question: str, group: str) -> str:
        return blocks.survey_figure(current_dataset(), wave, question, group, root())

    @env.macro
    def summary_chart(wave: str) -> str:
        return blocks.summary_chart(current_dataset(), wave, root())

    @env.macro
    def summary_table(wave: str) -> str:
        return blocks.summary_table(current_dataset(), wave)

    @env.macro
    def method_summary(wave: str) -> str:
        return blocks.method_summary(current_dataset(), wave)

    @env.macro
    def headline_figures() -> str:
        return blocks.headline_figures(current_dataset(), root())
