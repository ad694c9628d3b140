package io.switchboard.protocol.twirp;

import com.google.protobuf.Message;

/**
 * One Twirp method: takes the decoded request, returns the reply or throws {@link TwirpException}.
 * Any other exception becomes Twirp {@code internal}.
 */
@FunctionalInterface
public interface TwirpMethod<Req extends Message, Res extends Message> {

    Res call(TwirpContext context, Req request);
}
