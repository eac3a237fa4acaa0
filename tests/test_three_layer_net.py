"""shared_utils.three_layer_net, the given network of course2's Initialization, Regularization and
Optimization Methods, and the helper modules of those assignments that import it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from shared_utils import three_layer_net as net
from shared_utils.testing import eval_numerical_gradient, rel_error

COURSE2 = Path(__file__).resolve().parent.parent / "course2" / "source"
HELPERS = {
    "init_utils": COURSE2 / "initialization" / "init_utils.py",
    "reg_utils": COURSE2 / "regularization" / "reg_utils.py",
    "opt_utils": COURSE2 / "optimization_methods" / "opt_utils.py",
}


def load_helper(name: str):
    spec = importlib.util.spec_from_file_location(name, HELPERS[name])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(3, 7))
    Y = (rng.random((1, 7)) > 0.5).astype(float)
    parameters = net.initialize_parameters([3, 4, 2, 1], seed=1)
    for key in ("b1", "b2", "b3"):  # nonzero biases keep every ReLU input off its kink at 0
        parameters[key] = rng.uniform(0.1, 0.5, size=parameters[key].shape)
    return X, Y, parameters


def test_backward_pass_matches_numerical_gradients(problem):
    """Is every gradient of backward_propagation that of compute_cost, by finite differences?"""
    X, Y, parameters = problem
    _, cache = net.forward_propagation(X, parameters)
    grads = net.backward_propagation(X, Y, cache)
    for key, value in parameters.items():
        numerical = eval_numerical_gradient(
            lambda _: net.compute_cost(net.forward_propagation(X, parameters)[0], Y), value)
        assert grads["d" + key].shape == value.shape
        assert rel_error(grads["d" + key], numerical) < 1e-6, key


def test_sigmoid_is_stable_and_cost_of_a_certain_mistake_is_infinite():
    """Does sigmoid saturate without overflow, and does a confident wrong prediction cost inf?"""
    with np.errstate(over="raise"):
        np.testing.assert_array_equal(net.sigmoid(np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0])
    assert net.compute_cost(np.array([[0.0, 0.3]]), np.array([[1, 0]])) == float("inf")


def test_gradient_descent_records_and_prints_at_its_intervals(problem, capsys):
    """Are costs recorded every record_every steps and printed every print_every, from step 0?"""
    X, Y, parameters = problem
    trained, costs = net.gradient_descent(X, Y, parameters, learning_rate=0.1, num_iterations=25,
                                          record_every=5, print_every=10)
    assert len(costs) == 5 and costs[-1] < costs[0]
    printed = capsys.readouterr().out.splitlines()
    assert printed == [f"Cost after iteration {i}: {costs[i // 5]}" for i in (0, 10, 20)]
    assert not np.array_equal(trained["W1"], parameters["W1"])


def test_assignment_helpers_hand_out_the_shared_functions():
    """Do init_utils, reg_utils and opt_utils export the shared functions themselves, not copies?"""
    init, reg, opt = (load_helper(name) for name in HELPERS)
    for name in ("forward_propagation", "backward_propagation", "predict", "accuracy", "sigmoid", "relu"):
        assert getattr(init, name) is getattr(reg, name) is getattr(net, name), name
    assert init.compute_loss is reg.compute_cost is net.compute_cost
    assert opt.forward_propagation is net.forward_propagation
    assert opt.initialize_parameters is reg.initialize_parameters is net.initialize_parameters
    for module in (init, reg, opt):
        assert all(hasattr(module, name) for name in module.__all__)


def test_assignment_training_loops_keep_their_settings(problem, capsys):
    """Do init_utils.train and reg_utils.train record every 100 and 1000 steps, as their notebooks say?"""
    X, Y, parameters = problem
    init, reg = load_helper("init_utils"), load_helper("reg_utils")
    _, costs = init.train(X, Y, parameters, num_iterations=1001)
    assert len(costs) == 11 and capsys.readouterr().out.count("Cost after iteration") == 2
    _, costs = reg.train(X, Y, parameters, num_iterations=2001, print_cost=False)
    assert len(costs) == 3 and capsys.readouterr().out == ""
