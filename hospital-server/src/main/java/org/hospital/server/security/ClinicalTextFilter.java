package org.hospital.server.security;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.proto.common.v1.Privacy;

/**
 * Clears the fields marked {@code (hospital.common.v1.clinical_text)} in every message sent to a caller who
 * does not hold {@link Privilege#READ_CLINICAL_TEXT}: unary answers, stream snapshots and updates alike. It
 * sits inside authentication (which puts the caller in the context) and in front of every service, so that
 * no feature has to remember to filter: marking a field in the .proto is the whole job.
 */
public final class ClinicalTextFilter implements ServerInterceptor {

  /** Per message type: whether it or a message inside it has a marked field (most do not, and pass as is). */
  private final Map<Descriptor, Boolean> carriesClinicalText = new ConcurrentHashMap<>();

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    CurrentUser user = CurrentUser.KEY.get();
    if (user == null || user.holds(Privilege.READ_CLINICAL_TEXT)) {
      // no session (sign-in, health) answers nothing clinical; the privileged get everything
      return next.startCall(call, headers);
    }
    return next.startCall(new SimpleForwardingServerCall<>(call) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(R message) {
        super.sendMessage(message instanceof Message m ? (R) withoutClinicalText(m) : message);
      }
    }, headers);
  }

  /** The message with every marked field cleared, at any depth; the same instance when there is none. */
  Message withoutClinicalText(Message message) {
    if (!carries(message.getDescriptorForType())) {
      return message;
    }
    Message.Builder b = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor f = e.getKey();
      if (isMarked(f)) {
        b.clearField(f);
      } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && carries(f.getMessageType())) {
        if (f.isRepeated()) {
          List<?> items = (List<?>) e.getValue();
          for (int i = 0; i < items.size(); i++) {
            b.setRepeatedField(f, i, withoutClinicalText((Message) items.get(i)));
          }
        } else {
          b.setField(f, withoutClinicalText((Message) e.getValue()));
        }
      }
    }
    return b.build();
  }

  private boolean carries(Descriptor type) {
    Boolean known = carriesClinicalText.get(type);
    if (known != null) {
      return known;
    }
    boolean found = search(type, new HashSet<>());
    carriesClinicalText.put(type, found);
    return found;
  }

  private static boolean search(Descriptor type, Set<Descriptor> seen) {
    if (!seen.add(type)) {
      return false;
    }
    for (FieldDescriptor f : type.getFields()) {
      if (isMarked(f) || (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()
          && search(f.getMessageType(), seen))) {
        return true;
      }
    }
    return false;
  }

  static boolean isMarked(FieldDescriptor f) {
    return f.getOptions().getExtension(Privacy.clinicalText);
  }
}
