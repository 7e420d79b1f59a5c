package io.serviceproof.identity.web;

import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Notifications;
import io.serviceproof.identity.Tenancy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in user's notices, and the unread count every page shows in its navigation. */
@Controller
class NotificationsController {

    private final Notifications notifications;

    NotificationsController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(Model model) {
        model.addAttribute("notifications", notifications.mine(200));
        return "notifications";
    }

    @PostMapping("/notifications/read")
    String markRead() {
        notifications.markAllRead();
        return "redirect:/notifications";
    }

    /**
     * Adds {@code unreadNotifications} to every page rendered for a signed-in user. An interceptor
     * rather than a model attribute, so API calls (which render no view) never pay the query.
     */
    @org.springframework.context.annotation.Configuration
    static class UnreadCount implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {

        private final Notifications notifications;

        UnreadCount(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
            registry.addInterceptor(new org.springframework.web.servlet.HandlerInterceptor() {
                @Override
                public void postHandle(
                        jakarta.servlet.http.HttpServletRequest request,
                        jakarta.servlet.http.HttpServletResponse response,
                        Object handler,
                        org.springframework.web.servlet.ModelAndView view) {
                    if (view == null
                            || view.getViewName() == null
                            || view.getViewName().startsWith("redirect:")) {
                        return;
                    }
                    Tenancy.currentActor()
                            .filter(actor -> actor.kind() == Actor.Kind.USER)
                            .ifPresent(actor -> view.addObject("unreadNotifications", notifications.unreadCount()));
                }
            });
        }
    }
}
