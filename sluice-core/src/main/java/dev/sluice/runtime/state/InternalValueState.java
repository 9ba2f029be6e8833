package dev.sluice.runtime.state;

import dev.sluice.api.common.state.ValueState;

/** A {@link ValueState} built-in operators use: with namespaces (windows). */
public interface InternalValueState<T> extends ValueState<T>, InternalKeyedState<Object> {}
