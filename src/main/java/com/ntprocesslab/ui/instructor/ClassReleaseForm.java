package com.ntprocesslab.ui.instructor;

import com.ntprocesslab.store.access.AccessRefusedException;
import com.ntprocesslab.store.classroom.Classroom;
import com.ntprocesslab.store.classroom.ClassroomNotFoundException;
import com.ntprocesslab.store.classroom.ClassroomService;
import com.ntprocesslab.store.classroom.SolutionRelease;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.function.Supplier;

/**
 * The selected class's release of feedback and of the labs' solutions. Each change goes to the
 * service, which checks that the caller teaches the class; what students see is decided there.
 */
class ClassReleaseForm extends HorizontalLayout {

    private final ClassroomService classrooms;
    private final String instructor;
    private final Checkbox feedback = new Checkbox();
    private final RadioButtonGroup<SolutionRelease> solution = new RadioButtonGroup<>();
    private Classroom classroom;

    ClassReleaseForm(ClassroomService classrooms, String instructor) {
        this.classrooms = classrooms;
        this.instructor = instructor;
        setId("class-release");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        feedback.setId("release-feedback");
        feedback.setLabel(getTranslation("classes.release.feedback"));
        feedback.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                save(() -> classrooms.releaseFeedback(instructor, classroom.getId(), change.getValue()),
                        change.getValue() ? "classes.release.feedback.shown" : "classes.release.feedback.withheld");
            }
        });
        solution.setId("release-solution");
        solution.setLabel(getTranslation("classes.release.solution"));
        solution.setItems(SolutionRelease.values());
        solution.setItemLabelGenerator(release -> getTranslation("classes.release.solution." + release.name().toLowerCase()));
        solution.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                save(() -> classrooms.releaseSolution(instructor, classroom.getId(), change.getValue()),
                        "classes.release.solution.saved");
            }
        });
        add(feedback, solution);
        setVisible(false);
    }

    /** Shows the class's current release (or hides the form when no class is selected). */
    void show(Classroom selected) {
        classroom = selected;
        setVisible(selected != null);
        if (selected != null) {
            feedback.setValue(selected.isFeedbackReleased());
            solution.setValue(selected.getSolutionRelease());
        }
    }

    private void save(Supplier<Classroom> change, String done) {
        try {
            classroom = change.get();
            Notification.show(getTranslation(done, classroom.getName()));
        } catch (AccessRefusedException | ClassroomNotFoundException | IllegalArgumentException refused) {
            Notification.show(refused.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        show(classroom);
    }
}
