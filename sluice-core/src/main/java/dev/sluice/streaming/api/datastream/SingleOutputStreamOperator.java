package dev.sluice.streaming.api.datastream;

import dev.sluice.api.common.typeinfo.TypeHint;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.runtime.graph.SideOutputTransformation;
import dev.sluice.runtime.graph.Transformation;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.OutputTag;
import java.util.HashMap;
import java.util.Map;

/** The stream produced by one operator, with the operator's settings. */
public class SingleOutputStreamOperator<T> extends DataStream<T> {
  private final Map<String, OutputTag<?>> requestedSideOutputs = new HashMap<>();

  public SingleOutputStreamOperator(StreamExecutionEnvironment environment, Transformation<T> transformation) {
    super(environment, transformation);
  }

  public SingleOutputStreamOperator<T> name(String name) {
    transformation.setName(name);
    return this;
  }

  public String getName() {
    return transformation.name();
  }

  /** A stable id for the operator, which later versions use to match state in savepoints. */
  public SingleOutputStreamOperator<T> uid(String uid) {
    transformation.setUid(uid);
    return this;
  }

  public SingleOutputStreamOperator<T> setParallelism(int parallelism) {
    transformation.setParallelism(parallelism);
    return this;
  }

  /** Declares the element type where it cannot be read from the function (lambdas). */
  public SingleOutputStreamOperator<T> returns(TypeInformation<T> typeInfo) {
    if (typeInfo == null) {
      throw new NullPointerException("typeInfo must not be null");
    }
    transformation.setOutputType(typeInfo);
    return this;
  }

  public SingleOutputStreamOperator<T> returns(Class<T> typeClass) {
    return returns(TypeInformation.of(typeClass));
  }

  public SingleOutputStreamOperator<T> returns(TypeHint<T> typeHint) {
    return returns(TypeInformation.of(typeHint));
  }

  /** The elements this operator emitted to the side output named by {@code tag}. */
  public <X> DataStream<X> getSideOutput(OutputTag<X> tag) {
    if (tag == null) {
      throw new NullPointerException("The side output tag must not be null");
    }
    OutputTag<?> previous = requestedSideOutputs.putIfAbsent(tag.getId(), tag);
    if (previous != null && previous.getElementClass() != null && tag.getElementClass() != null
        && previous.getElementClass() != tag.getElementClass()) {
      throw new IllegalArgumentException("The side output '" + tag.getId() + "' was requested with "
          + "element type " + previous.getElementClass().getName() + " before, now with "
          + tag.getElementClass().getName() + "; one side output has one type");
    }
    @SuppressWarnings("unchecked")
    TypeInformation<X> type = tag.getElementClass() == null ? null
        : (TypeInformation<X>) TypeInformation.of(tag.getElementClass());
    SideOutputTransformation<X> side = new SideOutputTransformation<>(environment.nextId(), transformation, tag);
    side.setOutputType(type);
    return new DataStream<>(environment, side);
  }
}
