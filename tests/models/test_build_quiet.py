"""The encoder build keeps the exporters' English log chatter off the user's terminal, and only while it runs."""
import logging

from models.e5_onnx import exporters_silenced


def test_the_build_holds_back_the_exporters_warnings_and_lets_them_through_after(caplog):
    logger = logging.getLogger("optimum.onnxruntime.quantization")
    with caplog.at_level(logging.WARNING):
        with exporters_silenced():
            logging.getLogger("optimum").setLevel(logging.WARNING)   # as optimum does when imported mid-build
            logger.warning("Could not load the config for model.onnx automatically")
        assert caplog.records == []
        logger.warning("after the build")
    assert [r.getMessage() for r in caplog.records] == ["after the build"]
